//! A workbook to be written as .xlsx.
