package org.fupin.rectification.domain;

/** 整改时限: rectified by the deadline (立行立改 / 限期整改), or long-term (中长期整改) with milestones and periodic progress. */
public enum IssueTerm {
    SHORT,
    LONG_TERM
}
