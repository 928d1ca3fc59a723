"""WordprocessingML children in the order the ECMA-376 schema demands.

Word refuses, and the schema rejects, a child out of its place in a sequence; python-docx keeps
the order only for the few children it knows. These helpers put any child where it belongs.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: ``w:settings`` children (CT_Settings), in schema order.
SETTINGS = (
    "w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime "
    "w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText "
    "w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts w:embedSystemFonts "
    "w:saveSubsetFonts w:saveFormsData w:mirrorMargins w:alignBordersAndEdges "
    "w:bordersDoNotSurroundHeader w:bordersDoNotSurroundFooter w:gutterAtTop "
    "w:hideSpellingErrors w:hideGrammaticalErrors w:activeWritingStyle w:proofState "
    "w:formsDesign w:attachedTemplate w:linkStyles w:stylePaneFormatFilter "
    "w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView w:trackRevisions "
    "w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride "
    "w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation "
    "w:consecutiveHyphenLimit w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope "
    "w:summaryLength w:clickAndTypeStyle w:defaultTableStyle w:evenAndOddHeaders "
    "w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets "
    "w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing "
    "w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery "
    "w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin "
    "w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning "
    "w:characterSpacingControl w:printTwoOnOne w:strictFirstAndLastChars w:noLineBreaksAfter "
    "w:noLineBreaksBefore w:savePreviewPicture w:doNotValidateAgainstSchema w:saveInvalidXml "
    "w:ignoreMixedContent w:alwaysShowPlaceholderText w:doNotDemarcateInvalidXml "
    "w:saveXmlDataOnly w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags "
    "w:alwaysMergeEmptyNamespace w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr "
    "w:compat w:docVars w:rsids m:mathPr w:attachedSchema w:themeFontLang w:clrSchemeMapping "
    "w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions "
    "w:readModeInkLockDown w:smartTagType sl:schemaLibrary w:shapeDefaults "
    "w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator"
).split()

#: ``w:rPr`` children (CT_RPr), in schema order.
RUN = (
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline "
    "w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing "
    "w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd w:fitText "
    "w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath w:rPrChange"
).split()

#: ``w:pPr`` children (CT_PPr), in schema order.
PARAGRAPH = (
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr "
    "w:sectPr w:pPrChange"
).split()

#: ``w:trPr`` children (CT_TrPr), in schema order.
ROW = (
    "w:cnfStyle w:divId w:gridBefore w:gridAfter w:wBefore w:wAfter w:cantSplit w:trHeight "
    "w:tblHeader w:tblCellSpacing w:jc w:hidden w:ins w:del w:trPrChange"
).split()


def put(parent: Any, tag: str, order: list[str], **attrs: str) -> Any:
    """The child ``tag`` of ``parent`` (made and placed in schema order if missing), with
    exactly the attributes ``attrs`` (names without the ``w:`` prefix)."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        later = {qn(t) for t in order[order.index(tag) + 1 :]}
        follower = next((c for c in parent if c.tag in later), None)
        if follower is None:
            parent.append(child)
        else:
            follower.addprevious(child)
    for name in list(child.attrib):
        del child.attrib[name]
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def drop(parent: Any, tag: str) -> None:
    """Remove every child ``tag`` of ``parent``."""
    for child in parent.findall(qn(tag)):
        parent.remove(child)
