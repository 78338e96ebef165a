"""SVG icons for the registry's icon names (a package so setuptools ships them)."""
