package org.ailedger.node.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class RecentAccountsTest {
  private static final Bytes32 ROOT_A = Bytes32.fromHexString("0x0a");
  private static final Bytes32 ROOT_B = Bytes32.fromHexString("0x0b");
  private static final Address ALICE = Address.of(0xA11CE);

  private final RecentAccounts recent = new RecentAccounts();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void anAccountReadAgainAtTheSameRootIsNotLoadedAgain() {
    Optional<Account> first = read(ROOT_A, ALICE, 5);
    Optional<Account> again = read(ROOT_A, ALICE, 99);

    assertThat(again).isEqualTo(first);
    assertThat(again.orElseThrow().nonce()).isEqualTo(5);
    assertThat(loads).hasValue(1);
  }

  @Test
  void anotherRootIsAnotherState() {
    read(ROOT_A, ALICE, 5);

    assertThat(read(ROOT_B, ALICE, 6).orElseThrow().nonce()).isEqualTo(6);
    assertThat(loads).hasValue(2);
  }

  @Test
  void anAbsentAccountIsRememberedAsAbsent() {
    recent.get(ROOT_A, ALICE, this::absent);

    assertThat(recent.get(ROOT_A, ALICE, this::absent)).isEmpty();
    assertThat(loads).hasValue(1);
  }

  @Test
  void atMostTwoGenerationsAreKept() {
    read(ROOT_A, ALICE, 1);
    for (int i = 1; i <= 2 * RecentAccounts.GENERATION; i++) {
      read(ROOT_A, Address.of(i), 1);
    }
    int before = loads.get();

    read(ROOT_A, ALICE, 1);

    assertThat(loads.get()).as("the oldest entry was dropped").isEqualTo(before + 1);
  }

  private Optional<Account> read(Bytes32 root, Address address, long nonce) {
    return recent.get(
        root,
        address,
        () -> {
          loads.incrementAndGet();
          return Optional.of(new Account(nonce, UInt256.ONE, Bytes32.ZERO, Bytes32.ZERO));
        });
  }

  private Optional<Account> absent() {
    loads.incrementAndGet();
    return Optional.empty();
  }
}
