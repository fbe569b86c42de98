"""Build-time glue between the package and the published Jupyter Book site."""
