package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProposalBudgetTest {
  private static final long MS = 1_000_000;
  private static final long PERIOD = 1_000 * MS;
  private static final long CONFIGURED = 750 * MS;

  @Test
  void startsAtTheConfiguredShare() {
    assertThat(new ProposalBudget(CONFIGURED, PERIOD).nanos()).isEqualTo(CONFIGURED);
  }

  @Test
  void aCutShortProposalWhoseHeightRanLateShrinksTheNextInProportion() {
    ProposalBudget budget = new ProposalBudget(CONFIGURED, PERIOD);

    budget.committed(1_250 * MS, true);

    assertThat(budget.nanos()).isEqualTo(600 * MS);
  }

  @Test
  void oneVeryLateHeightAtMostHalvesTheBudget() {
    ProposalBudget budget = new ProposalBudget(CONFIGURED, PERIOD);

    budget.committed(10_000 * MS, true);

    assertThat(budget.nanos()).isEqualTo(375 * MS);
  }

  @Test
  void theBudgetNeverFallsBelowATenthOfTheConfiguredShare() {
    ProposalBudget budget = new ProposalBudget(CONFIGURED, PERIOD);

    for (int i = 0; i < 20; i++) {
      budget.committed(5_000 * MS, true);
    }

    assertThat(budget.nanos()).isEqualTo(75 * MS);
  }

  @Test
  void aLateHeightThatTheBudgetDidNotCutIsNoReasonToShrink() {
    ProposalBudget budget = new ProposalBudget(CONFIGURED, PERIOD);

    // every candidate fitted: the height was late for other reasons (a slow peer, a round change)
    budget.committed(3_000 * MS, false);

    assertThat(budget.nanos()).isEqualTo(CONFIGURED);
  }

  @Test
  void onTimeHeightsGrowTheBudgetBackToTheConfiguredShareAndNoFurther() {
    ProposalBudget budget = new ProposalBudget(CONFIGURED, PERIOD);
    budget.committed(5_000 * MS, true);
    budget.committed(5_000 * MS, true);
    long shrunk = budget.nanos();

    budget.committed(900 * MS, true);
    assertThat(budget.nanos()).isGreaterThan(shrunk).isLessThan(CONFIGURED);

    for (int i = 0; i < 20; i++) {
      budget.committed(900 * MS, true);
    }
    assertThat(budget.nanos()).isEqualTo(CONFIGURED);
  }

  @Test
  void underASteadyFloodTheBudgetSettlesWhereHeightsTakeAboutOnePeriod() {
    // a network whose heights take twice the proposer's execution plus 200 ms of messages and
    // storage, as four validators re-executing every proposal do
    ProposalBudget budget = new ProposalBudget(CONFIGURED, PERIOD);
    long height = 0;
    for (int i = 0; i < 50; i++) {
      height = 2 * budget.nanos() + 200 * MS;
      budget.committed(height, true);
    }

    assertThat(height).isBetween(800 * MS, 1_300 * MS);
  }
}
