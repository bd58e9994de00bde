package org.hearth.app.wallet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Three distinct random positions of a recovery phrase, asked back to prove it was written down. */
final class BackupQuiz {

    static final int QUESTIONS = 3;

    private final List<String> words;
    private final List<Integer> positions;

    BackupQuiz(List<String> words, SecureRandom random) {
        this.words = words;
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        this.positions = all.subList(0, QUESTIONS).stream().sorted().toList();
    }

    /** Zero-based positions, ascending. */
    List<Integer> positions() {
        return positions;
    }

    /** The first wrong answer's position (zero-based), or -1 when all answers match (case and spaces ignored). */
    int firstWrong(List<String> answers) {
        for (int q = 0; q < QUESTIONS; q++) {
            String answer = q < answers.size() ? answers.get(q).strip().toLowerCase() : "";
            if (!answer.equals(words.get(positions.get(q)))) {
                return positions.get(q);
            }
        }
        return -1;
    }
}
