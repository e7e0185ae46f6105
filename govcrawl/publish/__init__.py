"""Publishing with Datasette. This package is the Datasette plugin (its templates/ beside it)."""
from govcrawl.publish.plugin import (  # noqa: F401  hooks found by Datasette on this module
    asgi_wrapper, extra_template_vars, filters_from_request, prepare_connection, register_routes, render_cell)
