"""The roadmap for other tools: an XLSX table and ICS calendars of the deadlines."""
