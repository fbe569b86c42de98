"""Models, figures and widgets behind the Cross-Sector Leadership Lab curriculum."""

__version__ = "0.1.0"

# Set (to "site") by the book build for the kernels it starts: figures then reach the static site
# (leadership_lab.site.sphinx_extension starts them with an IPython profile that turns the site's
# display on) and exercises show as kernel-free self-checks. JupyterLab leaves it unset.
RENDERER_ENV = "LEADERSHIP_LAB_RENDERER"
