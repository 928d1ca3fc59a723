"""Reading a programme: YAML with positions, includes, the model, references and error mapping.

:func:`~shnor_docs.spec.load.load_programme` is the entry point: it reads ``programme.yaml`` and
what it includes, validates the model, resolves the period, deadlines and references, and raises
:class:`~shnor_docs.errors.SpecError` with every problem at once.
"""
