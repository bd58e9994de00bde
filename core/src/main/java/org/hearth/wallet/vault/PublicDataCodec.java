package org.hearth.wallet.vault;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** JSON for the public section, read strictly: unknown fields, duplicates, nulls for flags, or trailing text fail. */
final class PublicDataCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

    private PublicDataCodec() {
    }

    static byte[] encode(PublicData data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the accounts list", e);
        }
    }

    /** Parses and validates; any problem becomes a {@link VaultDamagedException} for the accounts list. */
    static PublicData decode(byte[] json) {
        try {
            PublicData data = JSON.readValue(json, PublicData.class);
            if (data == null) {
                throw new VaultDamagedException(VaultDamagedException.Part.ACCOUNTS, "it is empty (null)");
            }
            return data;
        } catch (IOException | RuntimeException e) {
            if (e instanceof VaultDamagedException damaged) {
                throw damaged;
            }
            String reason = e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage() : "it is not valid JSON";
            throw new VaultDamagedException(VaultDamagedException.Part.ACCOUNTS, reason, e);
        }
    }
}
