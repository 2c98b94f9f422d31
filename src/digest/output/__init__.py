"""The output folder: staged beside the live site, mirrored from it, locked, swapped in whole; and
the search index Pagefind makes over the written pages."""
