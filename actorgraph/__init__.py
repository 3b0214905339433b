"""The actorgraph application: the command line, the ingest pipeline, evaluation, the cluster runner
and the generated docs, on top of the library packages (graph, loaders, extraction, queries)."""
