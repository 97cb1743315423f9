"""Every word hkh writes, in bokmål, nynorsk and English, and how numbers and dates are written."""
