#include "democatalog.h"

#include <iterator>

namespace ringside::commerce::demo {

const Product kProducts[] = {
    { "TSHIRT-CTN-M", "Cotton T-shirt", "apparel", 499, 1499 },
    { "JEANS-SLIM-32", "Slim Fit Jeans", "apparel", 1799, 4999 },
    { "HOODIE-FLC-L", "Fleece Hoodie", "apparel", 1499, 3999 },
    { "SAREE-SILK", "Banarasi Silk Saree", "apparel", 4999, 8999 },
    { "KURTA-CTN-M", "Cotton Kurta", "kurta", 899, 2499 },
    { "KURTA-LNN-L", "Linen Kurta", "kurta", 1299, 3499 },
    { "KURTI-PRT-S", "Printed Kurti", "kurta", 749, 1999 },
    { "SHOE-RUN-42", "Running Shoes", "footwear", 2499, 6999 },
    { "SNEAKER-WHT-9", "White Sneakers", "footwear", 1999, 5499 },
    { "SANDAL-LTH-8", "Leather Sandals", "footwear", 1199, 3299 },
    { "EARBUDS-TWS", "Wireless Earbuds", "electronics", 2999, 4999 },
    { "PHONE-5G-128", "5G Smartphone 128 GB", "electronics", 18999, 29999 },
    { "LAPTOP-14-I5", "14-inch Laptop (i5, 16 GB)", "electronics", 54999, 79999 },
    { "WATCH-SMART", "Smart Watch", "electronics", 3999, 12999 },
    { "POWERBANK-20K", "Power Bank 20000 mAh", "electronics", 1499, 3499 },
    { "MIXER-750W", "Mixer Grinder 750 W", "home", 3499, 7999 },
    { "BEDSHEET-DBL", "Cotton Double Bedsheet", "home", 899, 3999 },
    { "COOKWARE-5PC", "Non-stick Cookware Set", "home", 2799, 6999 },
    { "LAMP-LED-DESK", "LED Desk Lamp", "home", 999, 2999 },
    { "MUG-CER-2", "Ceramic Mugs (set of 2)", "home", 399, 1799 },
    { "SERUM-VITC", "Vitamin C Face Serum", "beauty", 599, 2199 },
    { "KAJAL-BLK", "Kajal Eyeliner", "beauty", 249, 899 },
    { "SUNSCREEN-50", "Sunscreen SPF 50", "beauty", 449, 1599 },
    { "BACKPACK-25L", "Laptop Backpack 25 L", "accessories", 1299, 3999 },
    { "WALLET-LTH", "Leather Wallet", "accessories", 699, 2499 },
    { "YOGA-MAT-6MM", "Yoga Mat 6 mm", "sports", 799, 2499 },
    { "DUMBBELL-5KG", "Dumbbells 5 kg (pair)", "sports", 1599, 3999 },
    { "BOOK-NOVEL", "Bestselling Novel (paperback)", "books", 349, 1699 },
    { "TOY-BLOCKS", "Building Blocks Set", "toys", 1199, 2999 },
    { "TEA-ASSAM-500", "Assam Tea 500 g", "grocery", 299, 1299 },
};
const std::size_t kProductCount = std::size(kProducts);

const IndianCity kIndianCities[] = {
    { "Mumbai", "Maharashtra", "400", "Mumbai hub", false },
    { "Pune", "Maharashtra", "411", "Pune hub", false },
    { "Nagpur", "Maharashtra", "440", "Nagpur hub", true },
    { "New Delhi", "Delhi", "110", "Delhi hub", true },
    { "Bengaluru", "Karnataka", "560", "Bengaluru hub", false },
    { "Mysuru", "Karnataka", "570", "Bengaluru hub", false },
    { "Chennai", "Tamil Nadu", "600", "Chennai hub", false },
    { "Coimbatore", "Tamil Nadu", "641", "Coimbatore hub", false },
    { "Lucknow", "Uttar Pradesh", "226", "Lucknow hub", true },
    { "Kanpur", "Uttar Pradesh", "208", "Lucknow hub", true },
    { "Noida", "Uttar Pradesh", "201", "Delhi hub", true },
    { "Kolkata", "West Bengal", "700", "Kolkata hub", false },
    { "Hyderabad", "Telangana", "500", "Hyderabad hub", false },
    { "Ahmedabad", "Gujarat", "380", "Ahmedabad hub", true },
    { "Jaipur", "Rajasthan", "302", "Jaipur hub", true },
    { "Bhopal", "Madhya Pradesh", "462", "Bhopal hub", true },
    { "Patna", "Bihar", "800", "Patna hub", true },
    { "Kochi", "Kerala", "682", "Kochi hub", false },
    { "Chandigarh", "Punjab", "160", "Chandigarh hub", true },
    { "Gurugram", "Haryana", "122", "Delhi hub", true },
};
const std::size_t kIndianCityCount = std::size(kIndianCities);

// Area codes belong to the cities; 555-0100 … 555-0199 are the numbers reserved for fiction.
const UsCity kUsCities[] = {
    { "New York", "New York", "NY", "10001", "America/New_York", "212" },
    { "Brooklyn", "New York", "NY", "11201", "America/New_York", "718" },
    { "Boston", "Massachusetts", "MA", "02108", "America/New_York", "617" },
    { "Atlanta", "Georgia", "GA", "30303", "America/New_York", "404" },
    { "Miami", "Florida", "FL", "33130", "America/New_York", "305" },
    { "Jersey City", "New Jersey", "NJ", "07302", "America/New_York", "201" },
    { "Chicago", "Illinois", "IL", "60606", "America/Chicago", "312" },
    { "Houston", "Texas", "TX", "77002", "America/Chicago", "713" },
    { "Dallas", "Texas", "TX", "75201", "America/Chicago", "214" },
    { "Minneapolis", "Minnesota", "MN", "55401", "America/Chicago", "612" },
    { "Los Angeles", "California", "CA", "90012", "America/Los_Angeles", "213" },
    { "San Francisco", "California", "CA", "94103", "America/Los_Angeles", "415" },
    { "San Diego", "California", "CA", "92101", "America/Los_Angeles", "619" },
    { "Seattle", "Washington", "WA", "98101", "America/Los_Angeles", "206" },
};
const std::size_t kUsCityCount = std::size(kUsCities);

const char *const kIndianFirstNames[] = {
    "Aarav", "Aditi", "Akash", "Ananya", "Anil", "Anjali", "Arjun", "Deepa", "Divya", "Gaurav", "Harish", "Isha",
    "Karan", "Kavya", "Lakshmi", "Manoj", "Meera", "Mohit", "Neha", "Nikhil", "Pooja", "Pradeep", "Priyanka",
    "Rahul", "Rajesh", "Ritu", "Rohit", "Sanjay", "Shalini", "Shreya", "Sunita", "Suresh", "Tanvi", "Varun",
    "Vidya", "Vijay", "Yash", "Zoya", "Farhan", "Gurpreet", "Harpreet", "Karthik", "Lavanya", "Subhash", "Tanushree",
};
const std::size_t kIndianFirstNameCount = std::size(kIndianFirstNames);

const char *const kIndianLastNames[] = {
    "Agarwal", "Banerjee", "Bhat", "Chatterjee", "Chauhan", "Das", "Deshpande", "Gupta", "Iyer", "Jain", "Joshi",
    "Kapoor", "Khan", "Kulkarni", "Kumar", "Menon", "Mishra", "Nair", "Patel", "Pillai", "Rao", "Reddy", "Saxena",
    "Shah", "Sharma", "Singh", "Srivastava", "Tiwari", "Verma", "Yadav", "Ghosh", "Mukherjee", "Naidu", "Pandey",
};
const std::size_t kIndianLastNameCount = std::size(kIndianLastNames);

const char *const kUsFirstNames[] = {
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
    "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen", "Matthew", "Emily",
    "Anthony", "Ashley", "Maria", "Carlos", "Sofia", "Kevin", "Laura", "Brian", "Megan", "Jason",
};
const std::size_t kUsFirstNameCount = std::size(kUsFirstNames);

const char *const kUsLastNames[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson",
    "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "Nguyen", "Kim",
};
const std::size_t kUsLastNameCount = std::size(kUsLastNames);

const char *const kIndianBusinesses[] = {
    "Shree Ganesh Traders", "Sai Enterprises", "Lakshmi Textiles", "Apex Office Supplies", "Green Leaf Cafe",
    "Metro Electronics", "Sunrise Boutique",
};
const std::size_t kIndianBusinessCount = std::size(kIndianBusinesses);

const char *const kUsBusinesses[] = {
    "Acme Supplies LLC", "Blue Ridge Outfitters", "Harbor Street Cafe", "Pinecrest Dental", "Summit Fitness Studio",
};
const std::size_t kUsBusinessCount = std::size(kUsBusinesses);

const char *const kIndianStreets[] = {
    "MG Road", "Station Road", "Nehru Nagar", "Gandhi Marg", "Park Street", "Church Street", "Linking Road",
    "Anna Salai", "Civil Lines", "Sector 18", "Banjara Hills Road No. 2", "Residency Road", "Ashok Vihar",
    "Shastri Nagar", "Lake View Colony",
};
const std::size_t kIndianStreetCount = std::size(kIndianStreets);

const char *const kUsStreets[] = {
    "Main St", "Oak Ave", "Maple Dr", "Park Ave", "2nd St", "Elm St", "Washington Blvd", "Lake St", "Cedar Ln",
    "Sunset Blvd", "Broadway", "Pine St",
};
const std::size_t kUsStreetCount = std::size(kUsStreets);

const char *const kIndianWarehouses[] = {
    "Bhiwandi warehouse", "Gurugram warehouse", "Hosur warehouse", "Kolkata warehouse",
};
const std::size_t kIndianWarehouseCount = std::size(kIndianWarehouses);

const char *const kUsHubs[] = {
    "Memphis, TN", "Louisville, KY", "Indianapolis, IN", "Ontario, CA", "Newark, NJ", "Dallas, TX",
};
const std::size_t kUsHubCount = std::size(kUsHubs);

const char *const kDelayReasons[] = {
    "Heavy rain slowed the courier network",
    "Held at the sorting hub because of high festive volume",
    "Address could not be located by the delivery agent",
    "Customer not available at the first delivery attempt",
    "Weather delay at the carrier's hub",
    "Vehicle breakdown on the delivery route",
};
const std::size_t kDelayReasonCount = std::size(kDelayReasons);

} // namespace ringside::commerce::demo
