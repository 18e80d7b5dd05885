"""ddtool: offline due diligence for child labour, forced labour and trafficking risk."""

__version__ = "0.1.0"
