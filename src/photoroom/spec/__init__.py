"""The API as data: the one door through which every layer reads the spec's facts.

``make generate`` turns the overlaid OpenAPI document into a table (``_generated/table.py``) and
request field names (``_generated/names.py``); this package gives them types and readers. The
client, its CLI and batches, the emulator, the fuzzing rules, the scripts and the tests read
parameter names, schemas, defaults, rules, limits, costs, plans and media types here, never from
a copy of their own. Whoever reads the OpenAPI document itself (the generator, the change report,
the emulator) reads it and follows its ``$ref``s with :mod:`.document`, the one loader.

It uses the standard library only and imports nothing else from ``photoroom``, so any layer may
depend on it (the import-linter contracts in ``pyproject.toml`` hold that).
"""

from ._generated import names
from ._generated.names import *  # noqa: F403  (one class of field names per API product)
from .document import (
    DocumentError,
    RefError,
    inline_refs,
    parse_document,
    read_document,
    resolve_ref,
    unresolved_refs,
)
from .fields import is_absent
from .limits import UploadLimits, limits_of, loosest_limits
from .operations import (
    EDIT_BY_UPLOAD,
    EDIT_BY_URL,
    MISSING,
    REMOVE_BACKGROUND,
    KeyedLeaf,
    Operation,
    Param,
    all_plans,
    header_params,
    iter_fields,
    operation,
    operations,
)
from .rules import RuleViolation, first_violation, matches, pattern_for, value_from
from .schema import SchemaError, enum_values, is_number, is_uri, schema_error, type_names

__all__ = [
    "EDIT_BY_UPLOAD",
    "EDIT_BY_URL",
    "MISSING",
    "REMOVE_BACKGROUND",
    "DocumentError",
    "KeyedLeaf",
    "Operation",
    "Param",
    "RefError",
    "RuleViolation",
    "SchemaError",
    "UploadLimits",
    "all_plans",
    "enum_values",
    "first_violation",
    "header_params",
    "inline_refs",
    "is_absent",
    "is_number",
    "is_uri",
    "iter_fields",
    "limits_of",
    "loosest_limits",
    "matches",
    "names",
    "operation",
    "operations",
    "parse_document",
    "pattern_for",
    "read_document",
    "resolve_ref",
    "schema_error",
    "type_names",
    "unresolved_refs",
    "value_from",
]
__all__ += names.__all__
