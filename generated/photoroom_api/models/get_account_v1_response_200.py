from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_account_v1_response_200_credits import (
        GetAccountV1Response200Credits,
    )


T = TypeVar("T", bound="GetAccountV1Response200")


@_attrs_define
class GetAccountV1Response200:
    """
    Attributes:
        credits_ (GetAccountV1Response200Credits):
    """

    credits_: GetAccountV1Response200Credits
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credits_ = self.credits_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credits": credits_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_account_v1_response_200_credits import (
            GetAccountV1Response200Credits,
        )

        d = dict(src_dict)
        credits_ = GetAccountV1Response200Credits.from_dict(d.pop("credits"))

        get_account_v1_response_200 = cls(
            credits_=credits_,
        )

        get_account_v1_response_200.additional_properties = d
        return get_account_v1_response_200

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
