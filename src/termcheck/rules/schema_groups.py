"""The five decision-checklist items (DESIGN.md §4), in the order the report shows them."""

GROUP_TITLES = {
    "written-answers": "Written answers on ownership, licence term, resale, attribution and deletion",
    "time-limited": "The licence is time-limited (2-3 years is a fair target) or narrowly scoped",
    "pay": "Pay is clear and documented: one-time, per licence, royalty or revenue share",
    "opt-out": "You can opt out of future releases, and deletion is defined with a deadline",
    "local-law": "Local image and voice law has been checked (France, UK, US states)",
}
