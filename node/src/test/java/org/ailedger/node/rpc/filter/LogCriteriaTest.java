package org.ailedger.node.rpc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class LogCriteriaTest {
  private static final Address A = Address.of(0xA);
  private static final Address B = Address.of(0xB);
  private static final Bytes32 T1 = Bytes32.fromHexString("0x01");
  private static final Bytes32 T2 = Bytes32.fromHexString("0x02");
  private static final Bytes32 T3 = Bytes32.fromHexString("0x03");
  private static final Log LOG = new Log(A, List.of(T1, T2), Bytes.EMPTY);

  @Test
  void emptyCriteriaMatchEveryLog() {
    assertThat(LogCriteria.ANY.matches(LOG)).isTrue();
  }

  @Test
  void addressMustBeOneOfTheListed() {
    assertThat(new LogCriteria(Set.of(A, B), List.of()).matches(LOG)).isTrue();
    assertThat(new LogCriteria(Set.of(B), List.of()).matches(LOG)).isFalse();
  }

  @Test
  void eachPositionMatchesOneOfItsAlternatives() {
    assertThat(criteria(Set.of(T1), Set.of(T2, T3)).matches(LOG)).isTrue();
    assertThat(criteria(Set.of(), Set.of(T2)).matches(LOG)).isTrue();
    assertThat(criteria(Set.of(T2)).matches(LOG)).isFalse();
    assertThat(criteria(Set.of(T1), Set.of(T3)).matches(LOG)).isFalse();
  }

  @Test
  void moreQueryPositionsThanLogTopicsNeverMatch() {
    assertThat(criteria(Set.of(T1), Set.of(), Set.of()).matches(LOG)).isFalse();
  }

  @Test
  void bloomRulesOutBlocksThatCannotMatch() {
    LogsBloom bloom = LogsBloom.of(List.of(LOG));

    assertThat(new LogCriteria(Set.of(A), List.of(Set.of(T1))).mightMatch(bloom)).isTrue();
    assertThat(new LogCriteria(Set.of(B), List.of()).mightMatch(bloom)).isFalse();
    assertThat(criteria(Set.of(), Set.of(T3)).mightMatch(bloom)).isFalse();
    assertThat(criteria(Set.of(T3, T2)).mightMatch(bloom)).isTrue();
    assertThat(LogCriteria.ANY.mightMatch(LogsBloom.EMPTY)).isTrue();
  }

  @SafeVarargs
  private static LogCriteria criteria(Set<Bytes32>... positions) {
    return new LogCriteria(Set.of(), List.of(positions));
  }
}
