"""Excel workbooks: the self-assessment form (phiếu tự đánh giá) a school fills in."""
