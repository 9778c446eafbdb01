"""liquidsite: the Jekyll pipeline in Python.

Builds Jekyll sites unchanged, without Ruby, aiming at byte-identical output to
Jekyll 4.3 (kramdown 2.4 with GFM input, Liquid 4, Rouge, libsass).
"""

__version__ = "0.1.0"

#: The Jekyll version liquidsite reproduces; exposed to templates as ``jekyll.version``.
JEKYLL_VERSION = "4.3.1"
