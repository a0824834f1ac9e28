package org.ailedger.node.storage;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
  @Override
  KeyValueStore newStore() {
    return new InMemoryKeyValueStore();
  }
}
