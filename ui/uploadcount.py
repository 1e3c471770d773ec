"""The files in one upload request, counted before Gradio writes any of them.

Gradio's upload takes up to 1,000 files a request and writes each to its cache as it parses
the body; ``ui/guard`` holds the whole (capped) body first, so it can count them here and
refuse the request whole. The count is made by the parser Gradio's upload uses, so a part
counts here exactly when Gradio would see it.

>>> body = b"--b\\r\\nContent-Disposition: form-data; name=files; filename=a.txt\\r\\n\\r\\nHej\\r\\n"
>>> scope = {"headers": [(b"content-type", b"multipart/form-data; boundary=b")]}
>>> multipart_parts(scope, body * 3 + b"--b--\\r\\n"), multipart_parts({"headers": []}, body)
(3, 0)
>>> too_many_files(scope, body * 3 + b"--b--\\r\\n", 2).split(";")[0], too_many_files(scope, body * 2 + b"--b--\\r\\n", 2)
('Högst 2 filer per uppladdning', '')
"""

from __future__ import annotations

from contextlib import suppress


def too_many_files(scope, body: bytes, cap: int | None) -> str:
    """The refusal (Swedish / English) when the request holds more than ``cap`` files; "" when not, or no cap."""
    from ui.texts import both

    if cap is None or multipart_parts(scope, body) <= cap:
        return ""
    return both("upload_too_many", count=cap)  # the upload is refused unread: the page's language is unknown


def multipart_parts(scope, body: bytes) -> int:
    """The parts of a multipart body; 0 when it is not multipart (Gradio refuses that itself).
    The page's upload sends files only, so every part is a file Gradio would write."""
    from python_multipart.exceptions import MultipartParseError
    from python_multipart.multipart import MultipartParser, parse_options_header

    content_type = next((v for k, v in scope.get("headers", []) if k == b"content-type"), b"")
    boundary, parts = parse_options_header(content_type)[1].get(b"boundary"), 0
    if not boundary:
        return 0

    def begun():
        nonlocal parts
        parts += 1

    with suppress(MultipartParseError):  # the parts before a fault count; Gradio answers it with its own 400
        MultipartParser(boundary, {"on_part_begin": begun}).write(body)
    return parts
