package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

class TransactionBookTest {
  private static SignedSequence sequence(int sender, String... hashes) {
    return new SignedSequence(
        sender, Address.of(0x100 + sender), 7, List.of(hashes), List.of(hashes));
  }

  private final TransactionBook book =
      new TransactionBook(
          List.of(sequence(0, "0xa0", "0xa1", "0xa2"), sequence(1, "0xb0", "0xb1")));

  @Test
  void aCommittedHashAdvancesItsSenderAndKeepsTheFirstSubmitTime() {
    book.submitted(1, 0, 500);
    book.submitted(1, 0, 900); // a resend

    TransactionBook.Committed committed = book.commit("0xb0").orElseThrow();

    assertThat(committed).isEqualTo(new TransactionBook.Committed(1, 0, 500));
    assertThat(book.committedUpTo(1)).isEqualTo(1);
    assertThat(book.committedUpTo(0)).isZero();
    assertThat(book.committed()).isEqualTo(1);
  }

  @Test
  void aHashIsCommittedOnlyOnce() {
    assertThat(book.commit("0xa0")).isPresent();
    assertThat(book.commit("0xa1")).isPresent();
    assertThat(book.commit("0xa1")).isEmpty();
    assertThat(book.committedUpTo(0)).isEqualTo(2);
    assertThat(book.committed()).isEqualTo(2);
  }

  @Test
  void aForeignHashIsIgnored() {
    assertThat(book.commit("0xffff")).isEmpty();
    assertThat(book.committed()).isZero();
  }

  @Test
  void sendersMustBeNumberedWithoutRepeats() {
    assertThatThrownBy(() -> new TransactionBook(List.of(sequence(0, "0x1"), sequence(0, "0x2"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
