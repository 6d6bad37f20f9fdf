//! A table read from outside: a pasted range, a CSV file or a sheet of an .xlsx file.
