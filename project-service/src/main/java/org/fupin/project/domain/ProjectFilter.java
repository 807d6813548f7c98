package org.fupin.project.domain;

/**
 * The list filters; null means "any". {@code regionPrefix} is already restricted to the caller's region.
 *
 * @param unit        part of the implementing unit's name (case-insensitive)
 * @param incomplete  true: only records with missing required fields (项目信息不完整); false: only complete ones
 * @param cancelled   true: only cancelled (终止) projects; false: none of them
 */
public record ProjectFilter(String regionPrefix, Integer year, String category, ProjectStage stage, FundSource fundSource,
                            String batch, String unit, Boolean incomplete, Boolean cancelled) {
}
