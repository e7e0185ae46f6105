"""One module per replicated portal: its site record, brand, columns, documents and build()."""
