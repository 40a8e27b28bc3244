from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.remove_background_post_params_bg_color_type_1 import (
    RemoveBackgroundPOSTParamsBgColorType1,
    check_remove_background_post_params_bg_color_type_1,
)
from ..models.remove_background_post_params_channels import (
    RemoveBackgroundPOSTParamsChannels,
    check_remove_background_post_params_channels,
)
from ..models.remove_background_post_params_format import (
    RemoveBackgroundPOSTParamsFormat,
    check_remove_background_post_params_format,
)
from ..models.remove_background_post_params_size import (
    RemoveBackgroundPOSTParamsSize,
    check_remove_background_post_params_size,
)
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="RemoveBackgroundPOSTParams")


@_attrs_define
class RemoveBackgroundPOSTParams:
    """
    Attributes:
        image_file (File): The image file to render
        format_ (RemoveBackgroundPOSTParamsFormat | Unset): The format of the resulting image
        channels (RemoveBackgroundPOSTParamsChannels | Unset): The channels of the resulting image
        bg_color (RemoveBackgroundPOSTParamsBgColorType1 | str | Unset): The background color of the resulting image.
            Can be a hex code (`#FF00FF`) or a HTML color (`red`, `green`, etc.)
        size (RemoveBackgroundPOSTParamsSize | Unset): Will resize the output to the specified size. Can be `preview`
            (0.25 Megapixels), `medium` (1.5 MP), `hd` (4 MP) or `full` (36 MP, can be slower for large images). Useful for
            mobile apps that need smaller images.
        crop (bool | Unset): If `true`, the image returned is cropped to the cutout border. Transparent pixels are
            removed from the border
        despill (bool | Unset): If `true`, automatically removes colored reflections that have been left on the main
            subject by a green background.
    """

    image_file: File
    format_: RemoveBackgroundPOSTParamsFormat | Unset = UNSET
    channels: RemoveBackgroundPOSTParamsChannels | Unset = UNSET
    bg_color: RemoveBackgroundPOSTParamsBgColorType1 | str | Unset = UNSET
    size: RemoveBackgroundPOSTParamsSize | Unset = UNSET
    crop: bool | Unset = UNSET
    despill: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_file = self.image_file.to_tuple()

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        channels: str | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels

        bg_color: str | Unset
        if isinstance(self.bg_color, Unset):
            bg_color = UNSET
        elif isinstance(self.bg_color, str):
            bg_color = self.bg_color
        else:
            bg_color = self.bg_color

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size

        crop = self.crop

        despill = self.despill

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_file": image_file,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if channels is not UNSET:
            field_dict["channels"] = channels
        if bg_color is not UNSET:
            field_dict["bg_color"] = bg_color
        if size is not UNSET:
            field_dict["size"] = size
        if crop is not UNSET:
            field_dict["crop"] = crop
        if despill is not UNSET:
            field_dict["despill"] = despill

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("image_file", self.image_file.to_tuple()))

        if not isinstance(self.format_, Unset):
            files.append(("format", (None, str(self.format_).encode(), "text/plain")))

        if not isinstance(self.channels, Unset):
            files.append(
                ("channels", (None, str(self.channels).encode(), "text/plain"))
            )

        if not isinstance(self.bg_color, Unset):
            if isinstance(self.bg_color, str):
                files.append(
                    ("bg_color", (None, str(self.bg_color).encode(), "text/plain"))
                )
            else:
                files.append(
                    ("bg_color", (None, str(self.bg_color).encode(), "text/plain"))
                )

        if not isinstance(self.size, Unset):
            files.append(("size", (None, str(self.size).encode(), "text/plain")))

        if not isinstance(self.crop, Unset):
            files.append(
                (
                    "crop",
                    (None, ("true" if self.crop else "false").encode(), "text/plain"),
                )
            )

        if not isinstance(self.despill, Unset):
            files.append(
                (
                    "despill",
                    (
                        None,
                        ("true" if self.despill else "false").encode(),
                        "text/plain",
                    ),
                )
            )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        image_file = File(payload=BytesIO(d.pop("image_file")))

        _format_ = d.pop("format", UNSET)
        format_: RemoveBackgroundPOSTParamsFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = check_remove_background_post_params_format(_format_)

        _channels = d.pop("channels", UNSET)
        channels: RemoveBackgroundPOSTParamsChannels | Unset
        if isinstance(_channels, Unset):
            channels = UNSET
        else:
            channels = check_remove_background_post_params_channels(_channels)

        def _parse_bg_color(
            data: object,
        ) -> RemoveBackgroundPOSTParamsBgColorType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bg_color_type_1 = check_remove_background_post_params_bg_color_type_1(
                    data
                )

                return bg_color_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RemoveBackgroundPOSTParamsBgColorType1 | str | Unset, data)

        bg_color = _parse_bg_color(d.pop("bg_color", UNSET))

        _size = d.pop("size", UNSET)
        size: RemoveBackgroundPOSTParamsSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = check_remove_background_post_params_size(_size)

        crop = d.pop("crop", UNSET)

        despill = d.pop("despill", UNSET)

        remove_background_post_params = cls(
            image_file=image_file,
            format_=format_,
            channels=channels,
            bg_color=bg_color,
            size=size,
            crop=crop,
            despill=despill,
        )

        remove_background_post_params.additional_properties = d
        return remove_background_post_params

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
