"""Segmentation: a :class:`~pipeline.model.Document` → :class:`~pipeline.model.Act` objects,
each made of typed :class:`~pipeline.model.Section` spans. Extracts and recueils are cut in
:mod:`.acts`; the items of whole-meeting minutes in :mod:`.minutes`."""

from pipeline.segment.acts import segment_document

__all__ = ["segment_document"]
