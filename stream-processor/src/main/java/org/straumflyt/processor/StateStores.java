package org.straumflyt.processor;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the processor's own key-value stores live, chosen once per topology from the same setting as the DSL's: in
 * memory when {@code dsl.store.suppliers.class} is {@code BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers},
 * RocksDB otherwise. Both kinds are backed by a changelog topic named after the store.
 */
public final class StateStores {
    private final boolean inMemory;

    private StateStores(boolean inMemory) {
        this.inMemory = inMemory;
    }

    /** The stores the topology {@code properties} choose (the class or its name as the suppliers setting). */
    public static StateStores of(Properties properties) {
        Object suppliers = properties.get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG);
        Class<?> inMemorySuppliers = BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class;
        return new StateStores(inMemorySuppliers.equals(suppliers)
                || inMemorySuppliers.getName().equals(String.valueOf(suppliers)));
    }

    /** The supplier of the key-value store {@code name}. */
    public KeyValueBytesStoreSupplier supplier(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    /** A key-value store {@code name} with these serdes; as Kafka's store builders are: logged, not cached. */
    public <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(supplier(name), keySerde, valueSerde);
    }
}
