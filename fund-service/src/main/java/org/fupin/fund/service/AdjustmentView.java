package org.fupin.fund.service;

import java.util.List;
import java.util.UUID;

/** 资金调整 as the API answers it: the adjustment id and its two entries, OUT (the giving project) first, then IN. */
public record AdjustmentView(UUID adjustmentId, List<EntryView> entries) {
}
