import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../../src/core/text/boilerplate.ts';
import { storyFromText } from '../../../src/core/text/story-text.ts';

describe('isBoilerplate', () => {
  it.each([
    'By Jane Doe, CNN',
    'By . Daily Mail Reporter .',
    'By Jo Bloggs and Ann Lee | Reuters',
    'Scroll down for video',
    'Scroll down for video Flying high: the kite took to the sky',
    'PUBLISHED: 12:01 EST, 1 May 2014 | UPDATED: 12:30 EST, 1 May 2014',
    'Updated: 3 hours ago',
    'Barack Obama in Berlin (Getty Images)',
    'The scene on Monday | Photo: AP',
    'Click here for the latest news',
    'CLICK HERE for all the latest Manchester United news',
    'Follow @jdoe on Twitter',
    'Follow us on Facebook',
    'Read more: Why oil prices fell',
    'READ MORE: The day the markets froze',
    '©2015 The Hollywood Reporter.',
    'Copyright 2024 Acme News. All rights reserved.',
    'All rights reserved.',
    'Advertisement',
    'Reporting by Jane Doe; Editing by John Roe',
    'Updated 10:32 AM EDT, Tue March 3, 2026',
    '3 March 2026 | 14:05 GMT',
    '2 hours ago',
    'Sign up for our morning briefing',
    'Get the Morning Briefing newsletter in your inbox',
    'Continue reading...',
    'The post Markets rally on rate hopes appeared first on Acme News.',
    'By Aroha Walker · 5:42pm, Mar 3 2026',
    'By Sana Rahimi, Kabul Updated 10:32 AM EDT, Fri March 6, 2026',
    'Grace Mugabe arrives at the airport on Sunday. Photo: AFP',
    "Te Kaurinui Robert was last seen leaving a friend's house. Photo / NZ Police",
    'Officers display the seized cocaine in Sydney on Thursday. Picture: AAP',
    'Rescuers carry a wounded man from the market. (AP Photo/Ebrahim Noroozi)',
  ])('drops %j', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'By fast-tracking coordination, the two governments hope to move quickly.',
    'By Monday the deal was done.',
    'By 2030, emissions will have fallen by half.',
    'By Christmas Day, the Prime Minister had resigned.',
    'Copyright law is changing fast.',
    'More than 100 people died in the floods.',
    'Readers were asked to click on a link.',
    'Photography has changed journalism.',
    'Writing by hand is becoming rare.',
    'At 10 am, police arrived.',
    'May 2026 was the warmest on record.',
    '19 people died on Monday.',
    'By 10:30 the crowd had gone.',
    'Police released a photo of the man on Sunday.',
    'The agency said the photo: was fake.',
    'The United States and Japan agreed to cooperate.',
  ])('keeps %j', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });

  it('treats blank text as furniture', () => {
    expect(isBoilerplate('   ')).toBe(true);
  });
});

describe('storyFromText', () => {
  it('makes a paragraph of every line, single or blank-line separated', () => {
    const story = storyFromText(
      'First para.\n\nSecond para.\nThird para.\r\n\r\n  Fourth   para.  ',
      'A  title',
    );
    expect(story.paragraphs).toEqual(['First para.', 'Second para.', 'Third para.', 'Fourth para.']);
    expect(story.title).toBe('A title');
  });

  it('drops control characters and collapses odd whitespace', () => {
    expect(storyFromText('Tab\there\u00a0and\u0000 NUL').paragraphs).toEqual(['Tab here and NUL']);
  });

  it('gives no paragraphs for blank text', () => {
    expect(storyFromText(' \n\n \t ').paragraphs).toEqual([]);
    expect(storyFromText('', '  ').title).toBeUndefined();
  });
});
