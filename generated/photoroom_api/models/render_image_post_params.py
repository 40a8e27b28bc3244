from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="RenderImagePOSTParams")


@_attrs_define
class RenderImagePOSTParams:
    """
    Attributes:
        template_id (str): The ID of the template to render Example: 592dd982-4a1b-4cd9-ab11-21481d5a0064.
        image_file (File | Unset): The image file to render
        image_url (str | Unset): Deprecated, use `imageFile` instead. Example: https://example.com/image.png.
    """

    template_id: str
    image_file: File | Unset = UNSET
    image_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        image_file: FileTypes | Unset = UNSET
        if not isinstance(self.image_file, Unset):
            image_file = self.image_file.to_tuple()

        image_url = self.image_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "templateId": template_id,
            }
        )
        if image_file is not UNSET:
            field_dict["imageFile"] = image_file
        if image_url is not UNSET:
            field_dict["imageUrl"] = image_url

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(
            ("templateId", (None, str(self.template_id).encode(), "text/plain"))
        )

        if not isinstance(self.image_file, Unset):
            files.append(("imageFile", self.image_file.to_tuple()))

        if not isinstance(self.image_url, Unset):
            files.append(
                ("imageUrl", (None, str(self.image_url).encode(), "text/plain"))
            )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        template_id = d.pop("templateId")

        _image_file = d.pop("imageFile", UNSET)
        image_file: File | Unset
        if isinstance(_image_file, Unset):
            image_file = UNSET
        else:
            image_file = File(payload=BytesIO(_image_file))

        image_url = d.pop("imageUrl", UNSET)

        render_image_post_params = cls(
            template_id=template_id,
            image_file=image_file,
            image_url=image_url,
        )

        render_image_post_params.additional_properties = d
        return render_image_post_params

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
