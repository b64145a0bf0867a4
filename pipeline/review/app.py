"""``delib review OUT``: a local web app to check every value against its page, and correct it.

FastAPI (on Starlette) serves it, uvicorn runs it: a maintained framework and server, the
request bodies of corrections validated by pydantic, the pages written by Jinja2 with
autoescaping on (a title holding ``<script>`` shows as text). Routes:

* ``/`` — documents and acts with their status, failed checks, lowest OCR confidence and
  the SCDL columns they leave empty; ``?needs=failed|low|scdl|any`` keeps what needs a look;
* ``/act/{act_id}`` — an act's values beside the page image; selecting a value draws its
  boxes; on a scanned page the OCR words can be shown with their confidence;
* ``/page/{doc_id}/{page}.png`` — a page rendered by pypdfium2 (cached under OUT);
* ``/api/words/{doc_id}/{page}`` — the page's words as read;
* ``POST /api/corrections`` — one correction (JSON), refused when it names no row.

Safety: it listens on 127.0.0.1 unless told otherwise; requests naming another host are
refused (a web page elsewhere cannot reach it by DNS rebinding); it serves no file but the
page images it renders from the run's own documents (checked by their sha256) into OUT —
no path ever comes from the request; a correction is a JSON request (a form of another site
cannot post one).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.middleware.trustedhost import TrustedHostMiddleware

from pipeline.review import corrections as corr
from pipeline.review.data import ACT_ID_RE, DOC_ID_RE, Run

TEMPLATES = Path(__file__).with_name("templates")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class CorrectionIn(BaseModel):
    """A correction as the page sends it: the row (its ``ref``), the column, what to do."""

    ref: str = Field(max_length=200)
    column: str | None = Field(default=None, max_length=80)
    action: str = Field(pattern="^(confirm|wrong|set)$")
    value: Any = None
    note: str = Field(default="", max_length=2000)


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))
    env.filters["conf"] = lambda v: "" if v is None else f"{v:.0f}"
    return env


def create_app(out_dir: str | os.PathLike[str], *, documents_dir: str | os.PathLike[str] | None = None,
               low_confidence: float | None = None, hosts: tuple[str, ...] = LOOPBACK) -> FastAPI:
    """The review app of the run in ``out_dir``."""
    run = Run(out_dir, documents_dir, **({"low_confidence": low_confidence} if low_confidence else {}))
    env = _env()
    app = FastAPI(title="delib review", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.state.run = run

    def page(name: str, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(out=str(run.out), **ctx))

    @app.get("/", response_class=HTMLResponse)
    def index(needs: str | None = None, doc: str | None = None) -> HTMLResponse:
        if needs not in (None, "", "failed", "low", "scdl", "any"):
            raise HTTPException(422, "needs is one of failed, low, scdl, any")
        if doc and not DOC_ID_RE.match(doc):
            raise HTTPException(404, "no such document")
        return page("index.html", documents=run.documents(), acts=run.acts(needs or None, doc or None),
                    needs=needs or "", doc=doc or "", low=run.low_confidence,
                    n_corrections=len(run.corrections()))

    @app.get("/act/{act_id}", response_class=HTMLResponse)
    def act(act_id: str) -> HTMLResponse:
        view = run.act(act_id) if ACT_ID_RE.match(act_id) else None
        if view is None:
            raise HTTPException(404, "no such act")
        first = view["act"]["page_start"]
        has_image = run.source(view["act"]["doc_id"]) is not None
        values = {v.vid: v.as_json() for v in view["header"]}
        values.update({v.vid: v.as_json() for vs in view["rows"].values() for v in vs})
        pages = [{k: p[k] for k in ("page", "width", "height", "text_source", "ocr_confidence")}
                 | ({} if has_image else {"text": p["text"]}) for p in view["pages"]]
        data = {"doc_id": view["act"]["doc_id"], "first_page": first, "values": values, "pages": pages}
        return page("act.html", view=view, data=data, has_image=has_image, low=run.low_confidence)

    @app.get("/page/{doc_id}/{page_no}.png")
    def page_png(doc_id: str, page_no: int) -> FileResponse:
        if not DOC_ID_RE.match(doc_id) or page_no < 1:
            raise HTTPException(404, "no such page")
        path = run.page_image(doc_id, page_no)
        if path is None:
            raise HTTPException(404, "no image of this page (not a PDF of the run, or moved)")
        return FileResponse(path, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    @app.get("/api/words/{doc_id}/{page_no}")
    def words(doc_id: str, page_no: int) -> JSONResponse:
        row = run.page_row(doc_id, page_no) if DOC_ID_RE.match(doc_id) else None
        if row is None:
            raise HTTPException(404, "no such page")
        ws = [{k: w[k] for k in ("text", "x0", "top", "x1", "bottom", "conf", "char_start")}
              for w in run.words(doc_id, page_no)]
        return JSONResponse({"page": page_no, "width": row["width"], "height": row["height"],
                             "text_source": row["text_source"], "ocr_confidence": row["ocr_confidence"],
                             "words": ws})

    @app.post("/api/corrections")
    def add_correction(body: CorrectionIn) -> JSONResponse:
        target = run.resolve(body.ref)
        if target is None:
            raise HTTPException(404, "no such row in this run")
        table, key, occurrence = target
        try:
            c = corr.add(run.out, table, key, body.column, body.action, body.value, body.note, occurrence,
                         rows=run.table(table))
        except corr.NoSuchRow as exc:
            raise HTTPException(404, str(exc)) from exc
        except corr.CorrectionError as exc:
            raise HTTPException(422, str(exc)) from exc
        return JSONResponse({"ok": True, "id": c.id, "time": c.time, "table": c.table, "column": c.column,
                             "action": c.action, "value": c.value}, status_code=201)

    @app.get("/api/corrections")
    def list_corrections() -> JSONResponse:
        return JSONResponse([corr.jsonable(c.__dict__) for c in run.corrections()])

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'self'")
        return response

    return app


def serve(out_dir: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 8765,
          documents_dir: str | os.PathLike[str] | None = None, low_confidence: float | None = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    hosts = LOOPBACK if host in LOOPBACK else LOOPBACK + (host,)
    if host in ("0.0.0.0", "::"):
        hosts = ("*",)
    app = create_app(out_dir, documents_dir=documents_dir, low_confidence=low_confidence, hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="warning")
