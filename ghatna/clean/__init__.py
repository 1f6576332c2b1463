"""The clean stage: boilerplate out (kept aside with reasons), NFC text, paragraphs,
sentences with exact offsets and a language per sentence."""
