package org.hearth.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.problem.HearthException;
import org.hearth.testing.CountingHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataResolverTest {

    private static final String CID = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
    private static final BigInteger ID = BigInteger.valueOf(42);
    private static final String HEX42 = "000000000000000000000000000000000000000000000000000000000000002a";
    private static final String META = """
            {"name":"Ember #42","description":"warm","image":"ipfs://%s/{id}.png","animation_url":"https://x.example/a.html",
             "external_url":"https://hearth.example/{id}","background_color":"#FFaa00",
             "attributes":[{"trait_type":"Heat","value":7,"display_type":"number"},{"trait_type":"Kind","value":"coal"}]}"""
            .formatted(CID);

    private CountingHttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new CountingHttpServer().on("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            paths.add(path);
            byte[] body = switch (path) {
                case "/ipfs/" + CID + "/" + HEX42 + ".json", "/ipfs/" + CID + "/meta.json", "/arTX_1-a/meta" ->
                        META.getBytes(StandardCharsets.UTF_8);
                case "/big.json" -> ("{\"name\":\"" + "a".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
                case "/deep.json" -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
                case "/wrong.json" -> "{\"name\":5,\"image\":[\"x\"],\"attributes\":\"many\",\"background_color\":\"red\",\"description\":\"ok\"}"
                        .getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                CountingHttpServer.ok(exchange, body);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MetadataResolver resolver(List<URI> ipfs) {
        return new MetadataResolver(new NftContent(new NftGateways(ipfs, List.of(server.uri("")))));
    }

    private MetadataResolver resolver() {
        return resolver(List.of(server.uri("")));
    }

    @Test
    void ipfsWithIdSubstitutionInTheUriAndInsideTheJson() {
        ResolvedMetadata r = resolver().resolve("ipfs://" + CID + "/{id}.json", ID);
        assertTrue(r.ok(), r.error());
        assertEquals(List.of("/ipfs/" + CID + "/" + HEX42 + ".json"), paths);
        NftMetadata m = r.metadata();
        assertEquals("Ember #42", m.name());
        assertEquals("ipfs://" + CID + "/" + HEX42 + ".png", m.image());
        assertEquals("https://hearth.example/" + HEX42, m.externalUrl());
        assertEquals("https://x.example/a.html", m.animationUrl());
        assertEquals("ffaa00", m.backgroundColor());
        assertEquals(List.of(new NftMetadata.Attribute("Heat", "7", "number"), new NftMetadata.Attribute("Kind", "coal", null)), m.attributes());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void theIpfsIpfsFormAndArweaveAndPlainHttpGatewayUrls() {
        assertTrue(resolver().resolve("ipfs://ipfs/" + CID + "/meta.json", ID).ok());
        assertTrue(resolver().resolve("ar://arTX_1-a/meta", ID).ok());
        assertTrue(resolver().resolve(server.uri("/ipfs/" + CID + "/meta.json").toString(), ID).ok());
        assertEquals(List.of("/ipfs/" + CID + "/meta.json", "/arTX_1-a/meta", "/ipfs/" + CID + "/meta.json"), paths);
    }

    @Test
    void gatewaysAreTriedInOrderAndEachTryIsReported() {
        URI dead = URI.create(server.uri("").toString() + "/dead");
        ResolvedMetadata r = resolver(List.of(dead, server.uri(""))).resolve("ipfs://" + CID + "/meta.json", ID);
        assertTrue(r.ok(), r.error());
        assertEquals(2, r.tried().size());
        assertTrue(r.tried().getFirst().contains("HTTP 404"), r.tried().getFirst());
    }

    @Test
    void dataUrisBase64AndPlainJsonAndImages() {
        String json = "{\"name\":\"Inline {id}\"}";
        String b64 = "data:application/json;base64," + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("Inline " + HEX42, resolver().resolve(b64, ID).metadata().name());
        assertEquals("Inline " + HEX42, resolver().resolve("data:application/json,%7B%22name%22%3A%22Inline%20{id}%22%7D", ID).metadata().name());
        String svg = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8));
        ResolvedMetadata image = resolver().resolve(svg, ID);
        assertEquals("image/svg+xml", image.mediaType());
        assertEquals(svg, image.metadata().image());
        assertEquals(0, server.requests());
    }

    @Test
    void hostileCorpusGivesOneClearReasonEach() {
        MetadataResolver r = resolver();
        String base = server.uri("").toString();
        assertTrue(r.resolve(base + "/big.json", ID).error().contains("cap of 1048576 bytes"), r.resolve(base + "/big.json", ID).error());
        assertTrue(r.resolve(base + "/deep.json", ID).error().contains("nesting deeper than 16"), r.resolve(base + "/deep.json", ID).error());
        assertTrue(r.resolve("data:application/json;base64,@@not*base64", ID).error().contains("broken base64"));
        assertTrue(r.resolve("data:application/json,[1,2]", ID).error().contains("not a JSON object"));
        assertTrue(r.resolve("data:application/json,{\"a\":1}{}", ID).error().contains("not usable JSON"));
        assertTrue(r.resolve("javascript:alert(1)", ID).error().contains("Not a supported metadata address"));
        assertTrue(r.resolve("ipfs://" + CID + "/../../etc/passwd", ID).error().contains("Not a valid content address"));
        for (String e : List.of(r.resolve(base + "/big.json", ID).error(), r.resolve(base + "/deep.json", ID).error())) {
            assertFalse(e.contains("\n"), e);
        }
    }

    @Test
    void wrongTypesAreDroppedWithWarningsNotFatal() {
        ResolvedMetadata r = resolver().resolve(server.uri("/wrong.json").toString(), ID);
        assertTrue(r.ok(), r.error());
        NftMetadata m = r.metadata();
        assertNull(m.name());
        assertNull(m.image());
        assertEquals("ok", m.description());
        assertTrue(m.attributes().isEmpty());
        assertNull(m.backgroundColor());
        assertEquals(4, m.warnings().size(), m.warnings().toString());
    }

    @Test
    void anImageThatIsNotAnImageIsRefused() {
        NftMetadata m = NftMetadata.imageOnly("ipfs://" + CID + "/meta.json");
        HearthException e = assertThrows(HearthException.class, () -> resolver().image(m));
        assertEquals("nft.notImage", e.key());
    }

    @Test
    void aHttpsUriToAPrivateAddressIsRefusedWithoutARequest() {
        ResolvedMetadata r = new MetadataResolver(new NftContent(new NftGateways(List.of(), List.of())))
                .resolve("http://2130706433:" + server.port() + "/ipfs/" + CID + "/meta.json", ID);
        assertFalse(r.ok());
        assertTrue(r.error().startsWith("Refused to fetch"), r.error());
        assertEquals(0, server.requests());
    }

    @Test
    void tokenIdsAre64LowercaseHex() {
        assertEquals(HEX42, TokenIds.hex64(ID));
        assertEquals("f".repeat(64), TokenIds.hex64(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> TokenIds.hex64(BigInteger.TWO.pow(256)));
    }
}
