/** Invented names for generated clinics: common given and family names, no real patients. */
export const FIRST_NAMES = [
  'Olivia', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Emily', 'Ella', 'Elizabeth', 'Camila', 'Luna',
  'Sofia', 'Avery', 'Mila', 'Aria', 'Scarlett', 'Penelope', 'Layla', 'Chloe', 'Victoria', 'Madison', 'Eleanor', 'Grace', 'Nora', 'Riley', 'Zoey',
  'Hannah', 'Hazel', 'Lily', 'Ellie', 'Violet', 'Lillian', 'Zoe', 'Stella', 'Aurora', 'Natalie', 'Emilia', 'Everly', 'Leah', 'Aubrey', 'Willow',
  'Addison', 'Lucy', 'Audrey', 'Bella', 'Nova', 'Maria', 'Ruth', 'Margaret', 'Diane', 'Joyce', 'Priya', 'Mei', 'Aisha', 'Fatima', 'Ingrid',
  'Liam', 'Noah', 'William', 'James', 'Oliver', 'Benjamin', 'Elijah', 'Lucas', 'Mason', 'Logan', 'Alexander', 'Ethan', 'Jacob', 'Michael',
  'Daniel', 'Henry', 'Jackson', 'Sebastian', 'Aiden', 'Matthew', 'Samuel', 'David', 'Joseph', 'Carter', 'Owen', 'Wyatt', 'John', 'Jack',
  'Luke', 'Jayden', 'Dylan', 'Grayson', 'Levi', 'Isaac', 'Gabriel', 'Julian', 'Mateo', 'Anthony', 'Jaxon', 'Lincoln', 'Joshua', 'Christopher',
  'Andrew', 'Theodore', 'Caleb', 'Ryan', 'Nathan', 'Thomas', 'Leo', 'Isaiah', 'Charles', 'Josiah', 'Hudson', 'Robert', 'Kenji', 'Arjun',
  'Omar', 'Tomasz', 'Kwame', 'Rafael',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz',
  'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan',
  'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez',
  'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long',
  'Ross', 'Foster', 'Jimenez', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin',
  'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray',
  'Ford', 'Castro', 'Marshall', 'Owens', 'Harrison', 'Fernandez', "O'Connor", 'Kowalski', 'Nakamura', 'Okafor', 'Schmidt', 'Novak', 'Singh',
] as const;

export const REFERRERS = [
  'Dr. Grace Hopper, Northside Psychiatry', 'Dr. Alan Chu, Lakeview Behavioral Health', 'Dr. Rosa Delgado, Family Medicine Associates',
  'Dr. Ken Ito, University Mood Disorders Clinic', 'Dr. Sarah Lindqvist, Private practice', 'Dr. Malik Hassan, Riverside Community Mental Health',
  'Dr. Jane Okoro, Veterans Outpatient Clinic', 'Dr. Peter Brandt, Harbour Psychiatry Group', 'Dr. Lucia Ferreira, Westside Primary Care',
  'Self-referred',
] as const;

export const PSYCHIATRISTS = ['Dr. Maya Patel', 'Dr. Jonas Weber', 'Dr. Aiyana Redcloud', 'Dr. Samuel Osei', 'Dr. Hana Kobayashi', 'Dr. Luis Moreno'] as const;

export const TECHNICIANS = [
  'Sam Okafor', 'Jordan Lee', 'Priya Nair', 'Chris Baker', 'Alex Romero', 'Taylor Brooks', 'Morgan Ellis', 'Casey Nguyen', 'Jamie Fox',
  'Riley Chen', 'Devon Price', 'Avery Stone', 'Quinn Murphy', 'Rowan Diaz', 'Skyler Grant', 'Emerson Hale',
] as const;
