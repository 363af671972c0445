from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upload_out_status import UploadOutStatus, check_upload_out_status

if TYPE_CHECKING:
    from ..models.rejected_item import RejectedItem


T = TypeVar("T", bound="UploadOut")


@_attrs_define
class UploadOut:
    """
    Attributes:
        accepted (int):
        created_at (datetime.datetime):
        done (int): Data rows judged so far; `rows` when finished.
        error (None | str): Why a `failed` upload stopped; null otherwise.
        finished_at (datetime.datetime | None):
        id (UUID):
        media_type (str):
        org_id (UUID): The tax authority org that sent the file.
        rejected (list[RejectedItem]): Every rejected item; for a file `index` is its row number (the header is row 1).
        rows (int): Items, or data rows of a file (the header row and empty rows not counted).
        status (UploadOutStatus):
        unchanged (int):
    """

    accepted: int
    created_at: datetime.datetime
    done: int
    error: None | str
    finished_at: datetime.datetime | None
    id: UUID
    media_type: str
    org_id: UUID
    rejected: list[RejectedItem]
    rows: int
    status: UploadOutStatus
    unchanged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        created_at = self.created_at.isoformat()

        done = self.done

        error: None | str
        error = self.error

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = str(self.id)

        media_type = self.media_type

        org_id = str(self.org_id)

        rejected = []
        for rejected_item_data in self.rejected:
            rejected_item = rejected_item_data.to_dict()
            rejected.append(rejected_item)

        rows = self.rows

        status: str = self.status

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "created_at": created_at,
                "done": done,
                "error": error,
                "finished_at": finished_at,
                "id": id,
                "media_type": media_type,
                "org_id": org_id,
                "rejected": rejected,
                "rows": rows,
                "status": status,
                "unchanged": unchanged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rejected_item import RejectedItem

        d = dict(src_dict)
        accepted = d.pop("accepted")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        done = d.pop("done")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = UUID(d.pop("id"))

        media_type = d.pop("media_type")

        org_id = UUID(d.pop("org_id"))

        rejected = []
        _rejected = d.pop("rejected")
        for rejected_item_data in _rejected:
            rejected_item = RejectedItem.from_dict(rejected_item_data)

            rejected.append(rejected_item)

        rows = d.pop("rows")

        status = check_upload_out_status(d.pop("status"))

        unchanged = d.pop("unchanged")

        upload_out = cls(
            accepted=accepted,
            created_at=created_at,
            done=done,
            error=error,
            finished_at=finished_at,
            id=id,
            media_type=media_type,
            org_id=org_id,
            rejected=rejected,
            rows=rows,
            status=status,
            unchanged=unchanged,
        )

        upload_out.additional_properties = d
        return upload_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
