"""Campaign packs: typed campaign folders in, print and screen PDFs, social images, ZIP packs and pages out.

Entry point: ``build.build_campaigns``. The templates under ``templates/`` are shared by every campaign.
"""
