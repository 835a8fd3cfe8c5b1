package org.straumflyt.ingest.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicTemplateTest {

    @Test
    void readsBuildingAndMeterFromTheirLevels() {
        TopicIds ids = TopicTemplate.parse("buildings/{buildingId}/meters/{meterId}").read("buildings/b-1/meters/m-7");

        assertThat(ids).isEqualTo(new TopicIds(Optional.of("m-7"), Optional.of("b-1")));
    }

    @Test
    void readsTheWeatherLocation() {
        TopicTemplate template = TopicTemplate.parse("weather/{locationId}/temperature");

        assertThat(template.read("weather/fornebu/temperature").locationId()).contains("fornebu");
        assertThat(template.names(TopicTemplate.LOCATION_ID)).isTrue();
        assertThat(template.names(TopicTemplate.METER_ID)).isFalse();
    }

    @Test
    void placeholderInsideALevelAndChannelSuffix() {
        TopicIds ids = TopicTemplate.parse("{meterId}/status/switch:{channel}").read("shellypro4pm-1/status/switch:2");

        assertThat(ids.meterId()).contains("shellypro4pm-1-2");
    }

    @Test
    void wildcardsMatchAnyLevelAndRest() {
        TopicTemplate template = TopicTemplate.parse("+/{meterId}/#");

        assertThat(template.read("site/m-1").meterId()).contains("m-1");
        assertThat(template.read("site/m-1/a/b").meterId()).contains("m-1");
    }

    @Test
    void topicThatDoesNotFitGivesNoIds() {
        assertThat(TopicTemplate.parse("tele/{meterId}/SENSOR").read("tele/x/STATE")).isEqualTo(TopicIds.NONE);
    }

    @Test
    void unknownPlaceholderIsRejected() {
        assertThatThrownBy(() -> TopicTemplate.parse("a/{meter}")).hasMessageContaining("{meter}");
    }

    @Test
    void filtersMatchAsMqttSays() {
        assertThat(new TopicFilter("a/+/c").matches("a/b/c")).isTrue();
        assertThat(new TopicFilter("a/+/c").matches("a/b/c/d")).isFalse();
        assertThat(new TopicFilter("a/#").matches("a")).isTrue();
        assertThat(new TopicFilter("#").matches("$SYS/broker")).isFalse();
        assertThat(new TopicFilter("a/b").subscription("ingest")).isEqualTo("$share/ingest/a/b");
        assertThatThrownBy(() -> new TopicFilter("a/#/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
