package minsheng.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed set of subjects an entry belongs to; the label is what the knowledge file and users see. */
public enum Topic {
    OVERVIEW("民生综述"),
    EMPLOYMENT("就业"),
    ELDERLY("养老"),
    SOCIAL_INSURANCE("社会保险"),
    MEDICAL("医疗医保"),
    EDUCATION("教育"),
    ASSISTANCE("社会救助"),
    CHILDREN_AND_DISABILITY("儿童与残疾人"),
    MATERNAL_HEALTH("妇幼健康"),
    CITY("城市建设");

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Topic> byLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(Topic::label).toList();
    }
}
