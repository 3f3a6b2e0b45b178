//! CSV export of reviewed claims, safe to open in Excel and LibreOffice.
