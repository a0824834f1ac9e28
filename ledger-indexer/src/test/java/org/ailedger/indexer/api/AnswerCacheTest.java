package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.ailedger.indexer.store.Cursor;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
  private static final Cursor BLOCK_7 = new Cursor(7, Bytes32.repeat((byte) 7));
  private static final Cursor BLOCK_8 = new Cursor(8, Bytes32.repeat((byte) 8));

  @Test
  void aCacheNoWriterToldOfAHeadKeepsNothing() {
    AnswerCache answers = new AnswerCache();

    keep(answers, "/v1/models", BLOCK_7, "{}");

    assertThat(answers.find("/v1/models", 0)).isEmpty();
  }

  @Test
  void anAnswerReadAtTheHeadIsServedUntilTheNextCommit() {
    AnswerCache answers = new AnswerCache();
    answers.committed(BLOCK_7);

    keep(answers, "/v1/models", BLOCK_7, "{\"at\":7}");

    assertThat(answers.find("/v1/models", 0)).map(Buffer::toString).contains("{\"at\":7}");
    assertThat(answers.find("/v1/models?limit=1", 0)).isEmpty();
    answers.committed(BLOCK_8);
    assertThat(answers.find("/v1/models", 0)).isEmpty();
  }

  @Test
  void anAnswerReadBeforeACommitIsNotKeptAfterIt() {
    // a worker read block 7, the writer committed block 8 while it encoded the answer
    AnswerCache answers = new AnswerCache();
    answers.committed(BLOCK_7);
    answers.committed(BLOCK_8);

    keep(answers, "/v1/models", BLOCK_7, "{\"at\":7}");

    assertThat(answers.find("/v1/models", 0)).isEmpty();
  }

  @Test
  void anAnswerOfTheSameNumberWithAnotherHashIsNotKept() {
    AnswerCache answers = new AnswerCache();
    answers.committed(BLOCK_7);

    keep(answers, "/v1/models", new Cursor(7, Bytes32.repeat((byte) 1)), "{}");

    assertThat(answers.find("/v1/models", 0)).isEmpty();
  }

  @Test
  void aRequestForALaterBlockThanTheHeadIsNotAnsweredFromTheCache() {
    AnswerCache answers = new AnswerCache();
    answers.committed(BLOCK_7);
    keep(answers, "/v1/models?minBlock=8", BLOCK_7, "{}");

    assertThat(answers.find("/v1/models?minBlock=8", 8)).isEmpty();
    assertThat(answers.find("/v1/models?minBlock=8", 7)).isPresent();
  }

  @Test
  void beyondItsBoundsAHeadKeepsNoMoreAnswers() {
    AnswerCache byCount = new AnswerCache(2, 1_000);
    byCount.committed(BLOCK_7);
    keep(byCount, "/a", BLOCK_7, "1");
    keep(byCount, "/b", BLOCK_7, "2");
    keep(byCount, "/c", BLOCK_7, "3");
    assertThat(byCount.find("/a", 0)).isPresent();
    assertThat(byCount.find("/b", 0)).isPresent();
    assertThat(byCount.find("/c", 0)).isEmpty();

    AnswerCache byBytes = new AnswerCache(100, 10);
    byBytes.committed(BLOCK_7);
    keep(byBytes, "/a", BLOCK_7, "123456");
    keep(byBytes, "/b", BLOCK_7, "123456");
    assertThat(byBytes.find("/a", 0)).isPresent();
    assertThat(byBytes.find("/b", 0)).isEmpty();

    // the next head starts empty, with the whole bound again
    byCount.committed(BLOCK_8);
    keep(byCount, "/c", BLOCK_8, "3");
    assertThat(byCount.find("/c", 0)).isPresent();
  }

  private static void keep(AnswerCache answers, String request, Cursor at, String body) {
    answers.keep(request, at.blockNumber(), at.blockHash().toHexString(), Buffer.buffer(body));
  }
}
