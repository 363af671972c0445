"""Rating files (CONTRACT §3 "Rating files"): the body of POST /v1/credit/ratings, and the
uploads processed in the background (`/v1/credit/uploads`)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from kit.deps import Session
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from kit.principal import Principal, require_roles
from services.credit_push.routes.common import org_of, uuid_of
from services.credit_push.routes.paging import after_of, keyset_page, with_etag
from services.credit_push.rules.rating_files import CSV_TYPE, HEADERS_HELP, XLSX_TYPE
from services.credit_push.schemas.ratings import IngestOut, RatingsUpload
from services.credit_push.schemas.uploads import UploadAccepted, UploadOut
from services.credit_push.service import uploads

router = APIRouter(prefix="/v1/credit")
UploadReader = Annotated[Principal, Depends(require_roles("tax_authority", "admin"))]

_BINARY = {"type": "string", "format": "binary"}
_CSV_EXAMPLE = (
    "统一社会信用代码,纳税人名称,信用级别,评价年度,行政区划代码,年均纳税额（分）,小微企业\r\n"
    "91620100MA72RH3L12,兰州某某科技有限公司,A,2025,620102,12000000,是\r\n"
)
_JSON_EXAMPLE = {
    "items": [
        {"uscc": "91620100MA72RH3L12", "name": "兰州某某科技有限公司", "rating": "A", "year": 2025},
    ]
}
# The body of POST /v1/credit/ratings: JSON items, or a rating file (read by hand, not by FastAPI).
RATINGS_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "JSON items, or a CSV (UTF-8 with or without BOM, or GBK) or .xlsx file whose "
        f"row 1 names the columns in Chinese or English ({HEADERS_HELP}). A file of more than 10,000 "
        "data rows is answered 202 with an `upload_id`.",
        "content": {
            "application/json": {"schema": RatingsUpload.model_json_schema(), "example": _JSON_EXAMPLE},
            CSV_TYPE: {"schema": _BINARY, "example": _CSV_EXAMPLE},
            XLSX_TYPE: {"schema": _BINARY, "example": "(the bytes of the .xlsx workbook)"},
        },
    }
}
RATINGS_RESPONSES: dict[int | str, dict[str, Any]] = {
    202: {"model": UploadAccepted, "description": "A file of more than 10,000 data rows, queued."},
    **problems(
        s409="idempotency-key-in-use",
        s413="too-many-rows, payload-too-large",
        s415="unsupported-media-type",
        s422="validation-error, unreadable-rating-file, invalid-rating-columns, empty-rating-file, "
        "idempotency-key-reused",
    ),
}


async def receive(request: Request, principal: Principal, session: Session) -> IngestOut | JSONResponse:
    """POST /v1/credit/ratings: the body by its Content-Type."""
    content_type, data = request.headers.get("content-type"), await request.body()
    answer = await uploads.upload(session, content_type, data, org_of(principal), _json_items)
    if isinstance(answer, UploadAccepted):
        return JSONResponse(answer.model_dump(mode="json"), status_code=202)
    return answer


def _json_items(data: bytes) -> list[Any]:
    """The items of a JSON body, parsed as FastAPI parses bodies (Python's json: a lone surrogate
    escape is text the item rules reject one by one, not a broken body)."""
    try:
        raw = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        error = {"type": "json_invalid", "loc": ("body", getattr(exc, "pos", 0)), "msg": "JSON decode error"}
        raise RequestValidationError([{**error, "input": {}, "ctx": {"error": str(exc)}}]) from exc
    try:
        return RatingsUpload.model_validate(raw).items
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from exc


@router.get(
    "/uploads",
    response_model=Page[UploadOut],
    responses=problems(s422="invalid-cursor"),
    operation_id="listUploads",
    summary="List the ratings uploads and their outcomes",
    tags=["uploads"],
)
async def list_uploads(
    _: UploadReader, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[UploadOut]:
    """Every ratings upload (JSON or a file; stored at once, or in the background for a file of
    more than 10,000 rows) with its counts and rejected rows, oldest first."""
    items = await uploads.history(session, after_of(cursor), limit)
    return keyset_page(items, limit)


@router.get(
    "/uploads/{upload_id}",
    response_model=UploadOut,
    responses={404: {}},
    operation_id="getUpload",
    summary="Follow a background rating upload",
    tags=["uploads"],
)
async def get_upload(upload_id: str, _: UploadReader, session: Session) -> Any:
    """A background upload's progress: rows done, accepted, unchanged and rejected so far."""
    return with_etag(await uploads.get(session, uuid_of(upload_id, "upload")))
