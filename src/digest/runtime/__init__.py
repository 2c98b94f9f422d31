"""Where work runs: this process, a pool of processes, forked copies of this one, a Dask cluster.

Process plumbing lives here and nowhere else; the stages call these doors with plain functions.
"""
