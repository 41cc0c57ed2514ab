"""Everything generic about making a PDF, for any collection (nothing here knows about campaigns).

- ``tagged``: HTML to tagged PDF/UA-1 in Noto Sans (``html_to_pdf``, or ``layout`` then
  ``write``), the cached variant (``cached_html_to_pdf``) and print marks.
- ``layout_checks``: copy that overflows its box, and the printed size of images.
- ``fonts``: Noto Sans from its package, its coverage, and Pillow fonts.
- ``previews``: PNG previews and thumbnails of a finished PDF.
- ``render_cache``: finished renders kept by a hash of every input.

A collection that makes a PDF from a Jinja template renders the HTML, then calls::

    cache = RenderCache(root / ".cache" / "iopcsite" / "<collection>")
    data = cached_html_to_pdf(cache, html, base_url, what, epoch,
                              inputs=[bytes of every image the HTML shows],
                              code=[code_fingerprint(<its package folder>)])

The key already covers this package, the font and every library that shapes output.
"""
