package org.ailedger.indexer.api;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of the analyst reads beyond paging and ranges, each checked at the edge like
 * every other parameter: a value outside its closed set is a 400 problem naming the set.
 */
final class AnalyticsParams {
  static final String STATE = "state";
  static final String LIST = "list";
  static final String KIND = "kind";
  static final String BUCKET = "bucket";

  static final Set<String> PROPOSAL_LIST = with(RequestParams.RANGED_LIST, STATE);
  static final Set<String> BLAST_RADIUS = with(RequestParams.LIST, LIST);
  static final Set<String> PERMISSION_HISTORY = with(RequestParams.RANGED_LIST, KIND);
  static final Set<String> REWARD_SERIES = with(RequestParams.RANGED_LIST, BUCKET);

  private AnalyticsParams() {}

  /** {@code state=pending|active|…}: the proposals in that state only. */
  static Optional<ProposalState> proposalState(RequestParams params) {
    Optional<String> value = params.text(STATE);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ProposalState.parse(value.get())
            .orElseThrow(
                () ->
                    RequestParams.badValue(
                        STATE,
                        value.get(),
                        "one of pending, active, canceled, defeated, succeeded, queued, expired,"
                            + " executed")));
  }

  /** {@code list=updates|datasets}: what a blast radius pages through; updates by default. */
  static BlastRadiusReads.Listing listing(RequestParams params) {
    Optional<String> value = params.text(LIST);
    if (value.isEmpty()) {
      return BlastRadiusReads.Listing.UPDATES;
    }
    for (BlastRadiusReads.Listing listing : BlastRadiusReads.Listing.values()) {
      if (listing.name().toLowerCase(Locale.ROOT).equals(value.get())) {
        return listing;
      }
    }
    throw RequestParams.badValue(LIST, value.get(), "updates or datasets");
  }

  /** {@code kind=account,role,…}: the kinds of permission change; all when absent. */
  static Set<PermissionReads.Kind> kinds(RequestParams params) {
    Optional<String> value = params.text(KIND);
    Set<PermissionReads.Kind> kinds = EnumSet.noneOf(PermissionReads.Kind.class);
    if (value.isPresent()) {
      for (String label : value.get().split(",", -1)) {
        kinds.add(
            PermissionReads.Kind.parse(label)
                .orElseThrow(
                    () ->
                        RequestParams.badValue(
                            KIND,
                            value.get(),
                            "a comma-separated list of account, role, node, validator")));
      }
    }
    return kinds;
  }

  /** {@code bucket=blocks:N|day}: how rewards are grouped over time; by day when absent. */
  static RewardBucket bucket(RequestParams params) {
    Optional<String> value = params.text(BUCKET);
    if (value.isEmpty()) {
      return new RewardBucket.Day();
    }
    return RewardBucket.parse(value.get())
        .orElseThrow(
            () ->
                RequestParams.badValue(
                    BUCKET,
                    value.get(),
                    "day or blocks:N with N in 1.." + RewardBucket.MAX_BLOCKS));
  }

  private static Set<String> with(Set<String> base, String more) {
    Set<String> all = new HashSet<>(base);
    all.add(more);
    return Set.copyOf(all);
  }
}
