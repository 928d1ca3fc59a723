"""``shnor import``: an order with its appendices, as made in Word, read back into a spec.

The document is opened safely (:mod:`.package`; legacy formats through LibreOffice,
:mod:`.convert`), read into paragraphs and tables with Word's automatic numbers computed
(:mod:`.source`), cut into the act and its appendices at the appendix marks (:mod:`.segments`),
and recognised part by part: the act's requisites and points (:mod:`.act_head`,
:mod:`.act_body`, :mod:`.act_spec`), the parties (:mod:`.parties`), the plan table
(:mod:`.roadmap`, :mod:`.roadmap_spec`), the programme's parts (:mod:`.appendix`, :mod:`.body`,
:mod:`.indicators`). The spec is written with its comments (:mod:`.emit`, :mod:`.files`) into a
new programme folder in one step (:mod:`.write`), and checked by loading it.
"""

from __future__ import annotations

from shnor_docs.importing.problems import ImportFailure
from shnor_docs.importing.run import ImportResult, default_folder, import_document

__all__ = ["ImportFailure", "ImportResult", "default_folder", "import_document"]
