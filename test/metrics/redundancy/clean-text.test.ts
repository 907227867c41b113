import { describe, expect, it } from 'vitest';
import { contentOf, isIntroduction } from '../../../src/metrics/redundancy/clean-text.js';

describe('contentOf', () => {
  it('drops links, e-mail addresses, mentions and emoji codes', () => {
    // The furniture that matched different tweets of one account on their status URL.
    expect(
      contentOf('@Micah Stubbs see https://twitter.com/_useRconf/status/140274584863 :tada: or mail ana@example.org'),
    ).toBe('see or mail');
    expect(contentOf('@here new build www.example.com/x fails')).toBe('new build fails');
  });

  it('keeps the comment of a file share but not the file name', () => {
    expect(contentOf('@Micah Stubbs uploaded a file: Screen Shot 2015-06-09 at 09.12.45.png')).toBe('');
    expect(contentOf('uploaded a file: report.pdf and commented: the Q3 numbers are off')).toBe(
      'the Q3 numbers are off',
    );
  });

  it('drops greetings and sign-offs around the content', () => {
    expect(contentOf('Hi everyone! The liblzma check fails on ARM macs. Thanks! Best, Ana')).toBe(
      'The liblzma check fails on ARM macs',
    ); // the sign-off takes the full stop before it
    expect(contentOf('Hello all, build fails')).toBe('build fails');
    // A lower-case word after a mention is text, not a surname.
    expect(contentOf('@Ana thanks for the liblzma fix')).toBe('thanks for the liblzma fix');
  });

  it('drops system lines', () => {
    expect(contentOf('@Bo has joined the channel')).toBe('');
    expect(contentOf("Created page with 'Forklift booking sheet'")).toBe("'Forklift booking sheet'");
  });
});

describe('isIntroduction', () => {
  it('recognizes self-introductions, not posts that merely say "I am"', () => {
    expect(isIntroduction('Hello Everyone! I am Samyak. I am pursuing my major in Data Science')).toBe(true);
    expect(isIntroduction('Hi, my name is Rafael and my native language is Portuguese')).toBe(true);
    expect(isIntroduction('Hello, John Ross here. I am a data analyst')).toBe(true);
    expect(isIntroduction('I am having some issues building R from source on a Mac')).toBe(false);
    expect(isIntroduction("I'm trying to set up a devcontainer")).toBe(false);
  });
});
