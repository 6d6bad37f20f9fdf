//! A text document to be written as .docx.
