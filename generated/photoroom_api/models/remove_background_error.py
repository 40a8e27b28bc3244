from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RemoveBackgroundError")


@_attrs_define
class RemoveBackgroundError:
    """
    Attributes:
        detail (str): Human-readable explanation. Example: Please provide an image..
        status_code (int): The HTTP status code, repeated. Example: 400.
        type_ (str): Machine-readable error type. Example: missing_image.
    """

    detail: str
    status_code: int
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        status_code = self.status_code

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "status_code": status_code,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        detail = d.pop("detail")

        status_code = d.pop("status_code")

        type_ = d.pop("type")

        remove_background_error = cls(
            detail=detail,
            status_code=status_code,
            type_=type_,
        )

        remove_background_error.additional_properties = d
        return remove_background_error

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
